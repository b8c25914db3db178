package dev.gazette.article.internal;

import dev.gazette.media.MediaDescribed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A lead image's (or a body image's) caption, credit or alt text is part of its article's page: when the library changes them, the
 * articles showing the image count as changed, in the same transaction, so that a page kept in memory on any node is
 * rebuilt on its next request and shows the new words at once.
 */
@Component
public class LeadImageChanges {

	private final ManuscriptRepository repository;

	public LeadImageChanges(ManuscriptRepository repository) {
		this.repository = repository;
	}

	@EventListener
	public void on(MediaDescribed described) {
		repository.touchArticlesShowing(described.mediaId());
	}
}
