package dev.gazette.newsroom.internal;

import java.time.ZoneId;

import dev.gazette.publication.Timestamps;
import dev.gazette.newsroom.Pitch;

/** A pitch as the editors' pages show it, with its times in the publication's time zone. */
public record PitchView(Pitch pitch, String received, String decided) {

	public static PitchView of(Pitch pitch, ZoneId zone) {
		return new PitchView(pitch, Timestamps.articleTime(pitch.createdAt(), zone),
				Timestamps.articleTimeOrNull(pitch.decidedAt(), zone));
	}
}
