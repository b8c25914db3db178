package dev.gazette.changes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every node deletes the rows older than {@code gazette.changes.keep} once per {@code prune-interval}. */
@Component
class ChangeLogPruning {

	private static final Logger log = LoggerFactory.getLogger(ChangeLogPruning.class);

	private final ChangeLog changes;

	private final ChangeLogProperties properties;

	ChangeLogPruning(ChangeLog changes, ChangeLogProperties properties) {
		this.changes = changes;
		this.properties = properties;
	}

	/** Deleting what another node deleted a moment ago is no harm. */
	@Scheduled(fixedDelayString = "${gazette.changes.prune-interval:1h}")
	void prune() {
		try {
			int gone = changes.prune(properties.keep());
			if (gone > 0) {
				log.info("Pruned {} change log rows older than {}", gone, properties.keep());
			}
		}
		catch (DataAccessException ex) {
			log.warn("Pruning the change log failed; it is tried again in {}: {}", properties.pruneInterval(),
					ex.getMessage());
		}
	}
}
