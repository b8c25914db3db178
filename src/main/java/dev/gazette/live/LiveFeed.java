package dev.gazette.live;

import dev.gazette.live.internal.LiveChanges;

import org.springframework.stereotype.Service;

/**
 * What pages need from the live feed: where it stands, so a page can tell its script which events it already shows.
 * The position is the same for every reader of a page built at the same moment, so a page kept in the page cache
 * stays identical for all of them.
 */
@Service
public class LiveFeed {

	private final LiveChanges changes;

	LiveFeed(LiveChanges changes) {
		this.changes = changes;
	}

	/** The id of the last change written; a page built now shows everything up to it (or a little more). */
	public long position() {
		return changes.last();
	}
}
