package dev.gazette.newsroom.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Newsroom settings under {@code gazette.newsroom.*}.
 *
 * @param autosaveInterval how long the editor waits after a change before it keeps the writer's unsaved text
 */
@ConfigurationProperties("gazette.newsroom")
public record NewsroomProperties(@DefaultValue("15s") Duration autosaveInterval) {

	public NewsroomProperties {
		if (autosaveInterval.isNegative() || autosaveInterval.isZero()) {
			throw new IllegalArgumentException("gazette.newsroom.autosave-interval must be positive");
		}
	}
}
