package dev.gazette.article;

import java.util.List;

/** One page of pieces, newest first, and how many there are in all. Pages count from 1. */
public record ManuscriptList(List<ManuscriptSummary> items, int page, int size, long total) {
}
