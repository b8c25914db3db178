package dev.gazette.article.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param pageSize articles per page on the front, section and author pages */
@ConfigurationProperties("gazette.articles")
public record ArticleProperties(@DefaultValue("12") int pageSize) {
}
