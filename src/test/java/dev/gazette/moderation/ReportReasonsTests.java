package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reasons a report may give, as the page's form and the moderation API send them. */
class ReportReasonsTests {

	@Test
	void aReasonIsReadFromItsKeyWhateverTheCaseAndDashOrUnderscore() {
		assertThat(Reports.Reason.fromKey("off-topic")).isEqualTo(Reports.Reason.OFF_TOPIC);
		assertThat(Reports.Reason.fromKey(" OFF_TOPIC ")).isEqualTo(Reports.Reason.OFF_TOPIC);
		assertThat(Reports.Reason.fromKey("Abuse")).isEqualTo(Reports.Reason.ABUSE);
	}

	@Test
	void aReasonNotOfferedIsRefusedNamingTheOnesThatAre() {
		assertThatThrownBy(() -> Reports.Reason.fromKey("grudge")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Please choose one of the reasons offered: abuse, hate, spam, off-topic, other.");
	}
}
