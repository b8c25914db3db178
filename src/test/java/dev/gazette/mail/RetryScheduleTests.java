package dev.gazette.mail;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private static final Instant FAILED_AT = Instant.parse("2026-03-01T08:00:00Z");

	@Test
	void retriesBackOffFromAMinuteToTwelveHours() {
		RetrySchedule schedule = new RetrySchedule(8);

		assertThat(schedule.nextAttempt(1, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofMinutes(1)));
		assertThat(schedule.nextAttempt(2, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofMinutes(5)));
		assertThat(schedule.nextAttempt(3, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofMinutes(30)));
		assertThat(schedule.nextAttempt(4, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofHours(2)));
		assertThat(schedule.nextAttempt(5, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofHours(12)));
		assertThat(schedule.nextAttempt(7, FAILED_AT)).hasValue(FAILED_AT.plus(Duration.ofHours(12)));
	}

	@Test
	void thereIsNoAttemptAfterTheLastOne() {
		assertThat(new RetrySchedule(6).nextAttempt(6, FAILED_AT)).isEmpty();
		assertThat(new RetrySchedule(1).nextAttempt(1, FAILED_AT)).isEmpty();
	}
}
