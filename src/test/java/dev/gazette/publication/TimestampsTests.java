package dev.gazette.publication;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

	@Test
	void writesArticleTimesInThePublicationsZoneWithALowerCaseMeridiem() {
		// December: Jerusalem is UTC+2.
		assertThat(Timestamps.articleTime(Instant.parse("2015-12-11T02:31:00Z"), JERUSALEM))
			.isEqualTo("December 11, 2015 4:31 am");
	}

	@Test
	void afternoonIsPm() {
		assertThat(Timestamps.articleTime(Instant.parse("2015-12-11T14:31:00Z"), JERUSALEM))
			.isEqualTo("December 11, 2015 4:31 pm");
	}

	@Test
	void noonIsTwelvePmAndMidnightIsTwelveAm() {
		assertThat(Timestamps.articleTime(Instant.parse("2015-12-11T10:05:00Z"), JERUSALEM))
			.isEqualTo("December 11, 2015 12:05 pm");
		assertThat(Timestamps.articleTime(Instant.parse("2015-12-10T22:05:00Z"), JERUSALEM))
			.isEqualTo("December 11, 2015 12:05 am");
		assertThat(Timestamps.articleTime(Instant.parse("2015-12-11T09:59:00Z"), JERUSALEM))
			.isEqualTo("December 11, 2015 11:59 am");
	}

	@Test
	void summerTimeIsOneHourFurther() {
		assertThat(Timestamps.articleTime(Instant.parse("2018-07-22T09:00:00Z"), JERUSALEM))
			.isEqualTo("July 22, 2018 12:00 pm");
	}

	@Test
	void dateIsTheDayInThePublicationsZone() {
		assertThat(Timestamps.date(Instant.parse("2015-12-10T22:05:00Z"), JERUSALEM)).isEqualTo("December 11, 2015");
		assertThat(Timestamps.date(Instant.parse("2015-12-10T22:05:00Z"), ZoneId.of("UTC"))).isEqualTo("December 10, 2015");
	}

	@ParameterizedTest(name = "{0} ago reads \"{1}\"")
	@CsvSource({ "PT0S, just now", "PT59S, just now", "PT60S, 1 minute ago", "PT5M, 5 minutes ago",
			"PT59M59S, 59 minutes ago", "PT1H, 1 hour ago", "PT3H, 3 hours ago", "PT23H59M, 23 hours ago",
			"PT24H, 1 day ago", "P2D, 2 days ago", "P29DT23H, 29 days ago" })
	void recentTimesAreRelative(String age, String expected) {
		Instant now = Instant.parse("2018-07-22T09:00:00Z");
		Instant then = now.minus(Duration.parse(age));
		assertThat(Timestamps.relative(then, now, JERUSALEM)).isEqualTo(expected);
	}

	@Test
	void aMonthOrMoreAgoIsTheDate() {
		Instant now = Instant.parse("2018-07-22T09:00:00Z");
		assertThat(Timestamps.relative(now.minus(Duration.ofDays(30)), now, JERUSALEM)).isEqualTo("June 22, 2018");
		assertThat(Timestamps.relative(Instant.parse("2015-12-10T22:05:00Z"), now, JERUSALEM))
			.isEqualTo("December 11, 2015");
	}

	@Test
	void aTimeInTheFutureIsJustNow() {
		// A server clock a little behind the database's must not print "-3 minutes ago".
		Instant now = Instant.parse("2018-07-22T09:00:00Z");
		assertThat(Timestamps.relative(now.plusSeconds(180), now, JERUSALEM)).isEqualTo("just now");
	}

	@ParameterizedTest(name = "{0} ago stays the same text until {1} later")
	@CsvSource({ "PT0S, PT60S", "PT59S, PT1S", "PT60S, PT60S", "PT5M30S, PT30S", "PT59M59S, PT1S", "PT3H, PT1H",
			"PT23H59M, PT1M", "P2D, P1D", "P29DT23H, PT1H" })
	void aRelativeTimeChangesWhenItsTextDoes(String age, String until) {
		Instant now = Instant.parse("2018-07-22T09:00:00Z");
		Instant then = now.minus(Duration.parse(age));
		Instant changes = Timestamps.relativeChangesAt(then, now);

		assertThat(changes).isEqualTo(now.plus(Duration.parse(until)));
		assertThat(Timestamps.relative(then, changes.minusMillis(1), JERUSALEM))
			.isEqualTo(Timestamps.relative(then, now, JERUSALEM));
		assertThat(Timestamps.relative(then, changes, JERUSALEM)).isNotEqualTo(Timestamps.relative(then, now, JERUSALEM));
	}

	@Test
	void aDateNeverChangesAndAFutureTimeChangesAMinuteAfterIt() {
		Instant now = Instant.parse("2018-07-22T09:00:00Z");
		assertThat(Timestamps.relativeChangesAt(now.minus(Duration.ofDays(30)), now)).isEqualTo(Instant.MAX);
		assertThat(Timestamps.relativeChangesAt(now.plusSeconds(180), now)).isEqualTo(now.plusSeconds(240));
	}
}
