package dev.gazette.comment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perPeriod how many recommendations (and withdrawals) one account may make per {@code period}; more are
 * refused with 429 and a {@code Retry-After}, so that a script cannot push a comment up the "Most recommended" sort
 * or churn the discussion's cached page
 * @param period the window of {@code perPeriod}
 */
@ConfigurationProperties("gazette.comments.recommendations")
public record RecommendationProperties(@DefaultValue("30") int perPeriod, @DefaultValue("1m") Duration period) {
}
