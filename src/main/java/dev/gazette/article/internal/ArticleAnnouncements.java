package dev.gazette.article.internal;

import dev.gazette.article.ArticleChanged;
import dev.gazette.article.ArticlePublished;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces future-dated articles when their time comes: every node looks every
 * {@code gazette.articles.announce-interval}, and each article's marker is set by a conditional update in the
 * transaction that publishes the event, so an article is announced once however many nodes look.
 */
@Component
public class ArticleAnnouncements implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ArticleAnnouncements.class);

	private final AnnouncementRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Duration interval;

	public ArticleAnnouncements(AnnouncementRepository repository, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transaction, @Value("${gazette.articles.announce-interval:1m}") Duration interval) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
		this.transaction = transaction;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::announceQuietly, interval, interval));
	}

	private void announceQuietly() {
		try {
			announceDue();
		}
		catch (RuntimeException ex) {
			log.warn("Announcing articles stopped early; it resumes within {}", interval, ex);
		}
	}

	/**
	 * Announces every article whose time has come and that nobody announced yet.
	 * @return how many this call announced
	 */
	public int announceDue() {
		Instant now = clock.instant();
		int announced = 0;
		for (long id : repository.unannounced(now, 100)) {
			Boolean mine = transaction.execute(status -> announce(id, now));
			if (Boolean.TRUE.equals(mine)) {
				announced++;
			}
		}
		return announced;
	}

	/** In the caller's transaction: sets the marker and, if this call set it, publishes the event. */
	public boolean announce(long articleId, Instant now) {
		if (!repository.markAnnounced(articleId, now)) {
			return false;
		}
		List<ArticlePublished> published = repository.announcement(articleId);
		published.forEach(events::publishEvent);
		events.publishEvent(new ArticleChanged(articleId));
		return true;
	}
}
