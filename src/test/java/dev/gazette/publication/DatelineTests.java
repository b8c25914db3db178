package dev.gazette.publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masthead dateline. The Hebrew dates below were checked against the calendar, not copied from output: Tisha
 * b'Av 5778 fell on a Saturday and was kept on Sunday 22 July 2018, 10 Av; 5784 is the 8th year of its 19-year
 * cycle and so a leap year with Adar I and Adar II (Purim Katan, 14 Adar I, was 23 February 2024; Purim, 14 Adar II,
 * 24 March 2024); 5785 is a common year with a single Adar (Purim, 14 Adar, 14 March 2025); Rosh Hashanah 5784 was
 * Saturday 16 September 2023.
 */
class DatelineTests {

	private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

	private static String dateline(String instant, SecondCalendar calendar) {
		return Dateline.format(Instant.parse(instant), JERUSALEM, calendar);
	}

	@Test
	void showsTheGregorianAndTheHebrewDateOfTheModelPage() {
		assertThat(dateline("2018-07-22T09:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Sunday, July 22nd | 10 Av 5778");
	}

	@Test
	void namesAdarIInALeapYear() {
		assertThat(dateline("2024-02-20T09:00:00Z", SecondCalendar.HEBREW))
			.isEqualTo("Tuesday, February 20th | 11 Adar I 5784");
	}

	@Test
	void namesAdarIIInALeapYear() {
		assertThat(dateline("2024-03-20T09:00:00Z", SecondCalendar.HEBREW))
			.isEqualTo("Wednesday, March 20th | 10 Adar II 5784");
	}

	@Test
	void adarIIBeginsTheDayAfterTheThirtiethOfAdarI() {
		assertThat(dateline("2024-03-10T09:00:00Z", SecondCalendar.HEBREW)).endsWith("| 30 Adar I 5784");
		assertThat(dateline("2024-03-11T09:00:00Z", SecondCalendar.HEBREW)).endsWith("| 1 Adar II 5784");
	}

	@Test
	void aCommonYearHasPlainAdar() {
		assertThat(dateline("2025-03-14T09:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Friday, March 14th | 14 Adar 5785");
	}

	@Test
	void gregorianNewYearsDayIsTheFirst() {
		assertThat(dateline("2024-01-01T09:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Monday, January 1st | 20 Tevet 5784");
	}

	@Test
	void roshHashanahStartsTheHebrewYear() {
		assertThat(dateline("2023-09-15T09:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Friday, September 15th | 29 Elul 5783");
		assertThat(dateline("2023-09-16T09:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Saturday, September 16th | 1 Tishri 5784");
	}

	@Test
	void bothHalvesTurnOverAtMidnightInThePublicationsZone() {
		// Jerusalem is UTC+3 in summer: 20:59:59Z is 23:59:59 on the 22nd, 21:00:00Z is midnight of the 23rd.
		assertThat(dateline("2018-07-22T20:59:59Z", SecondCalendar.HEBREW)).isEqualTo("Sunday, July 22nd | 10 Av 5778");
		assertThat(dateline("2018-07-22T21:00:00Z", SecondCalendar.HEBREW)).isEqualTo("Monday, July 23rd | 11 Av 5778");
	}

	@Test
	void theSameInstantIsStillTheDayBeforeInUtc() {
		Instant midnightInJerusalem = Instant.parse("2018-07-22T21:00:00Z");
		assertThat(Dateline.format(midnightInJerusalem, ZoneOffset.UTC, SecondCalendar.HEBREW))
			.isEqualTo("Sunday, July 22nd | 10 Av 5778");
	}

	@ParameterizedTest
	@CsvSource({ "1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd",
			"23, 23rd", "24, 24th", "30, 30th", "31, 31st" })
	void writesTheDayAsAnEnglishOrdinal(int day, String ordinal) {
		Instant noon = Instant.parse("2018-07-%02dT12:00:00Z".formatted(day));
		assertThat(Dateline.format(noon, ZoneOffset.UTC, SecondCalendar.NONE)).endsWith("July " + ordinal);
	}

	@Test
	void islamicCalendarShowsAnIslamicMonthAndAHijriYear() {
		// 20 March 2024 was in the middle of Ramadan 1445 (it began on 11 March).
		String dateline = dateline("2024-03-20T09:00:00Z", SecondCalendar.ISLAMIC);
		assertThat(dateline).startsWith("Wednesday, March 20th | ").matches(".* \\| Ramadan \\d{1,2}, 1445 AH");
		String inSummer = dateline("2018-07-22T09:00:00Z", SecondCalendar.ISLAMIC);
		assertThat(inSummer).matches("Sunday, July 22nd \\| \\S.* \\d{1,2}, 1439 AH").doesNotContain("July 22, 2018");
	}

	@Test
	void persianCalendarBeginsItsYearAtNowruz() {
		assertThat(dateline("2024-03-20T09:00:00Z", SecondCalendar.PERSIAN))
			.isEqualTo("Wednesday, March 20th | Farvardin 1, 1403 AP");
		assertThat(dateline("2024-03-19T09:00:00Z", SecondCalendar.PERSIAN)).endsWith("| Esfand 29, 1402 AP");
		// Tir has 31 days: the Persian month turns over at the same midnight as the Gregorian day.
		assertThat(dateline("2018-07-22T20:59:59Z", SecondCalendar.PERSIAN)).endsWith("| Tir 31, 1397 AP");
		assertThat(dateline("2018-07-22T21:00:00Z", SecondCalendar.PERSIAN)).endsWith("| Mordad 1, 1397 AP");
	}

	@Test
	void noSecondCalendarMeansTheGregorianDateAlone() {
		assertThat(dateline("2018-07-22T09:00:00Z", SecondCalendar.NONE)).isEqualTo("Sunday, July 22nd")
			.doesNotContain("|");
	}

	@Test
	void everyCalendarKeyNamesItsCalendar() {
		for (SecondCalendar calendar : SecondCalendar.values()) {
			assertThat(SecondCalendar.fromKey(" " + calendar.key().toUpperCase() + " ")).isEqualTo(calendar);
		}
		assertThat(List.of(SecondCalendar.values()).stream().map(SecondCalendar::key))
			.containsExactly("hebrew", "islamic", "persian", "none");
	}
}
