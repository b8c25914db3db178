package dev.gazette.web;

import java.util.List;

import dev.gazette.article.ArticleList;

/** A page of article cards with the links to the pages around it. */
public record ListingView(List<CardView> cards, ArticleList list, String basePath) {

	public String pageUrl(int page) {
		return page <= 1 ? basePath : basePath + "?page=" + page;
	}
}
