package dev.gazette.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * {@link FormChecks}, {@link Filled} and {@link MaxLength} with Hibernate Validator as Spring MVC runs it for a
 * page's form, without Spring: one problem a field, in the record's order, each the first broken constraint as
 * written, and the text judged as it will be stored.
 */
class FormChecksTests {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	record Form(
			@Filled(message = "name: needed") @MaxLength(value = 5, message = "name: too long")
			@Pattern(regexp = "[a-z ]*", message = "name: letters only") String name,
			@NotEmpty(message = "tags: one at least") List<@Pattern(regexp = "[a-z]+", message = "tags: a word each") String> tags,
			@MaxLength(value = 3, count = MaxLength.Count.UTF16_UNITS, message = "code: too long") String code) {
	}

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void aFormAsItShouldBeHasNoProblems() {
		assertThat(FormChecks.problems(checked(new Form(" abc ", List.of("x"), "abc")), Form.class)).isEmpty();
	}

	@Test
	void everyFieldAtFaultIsNamedOnceInTheRecordsOrder() {
		List<FieldProblem> problems = FormChecks.problems(checked(new Form("", null, "abcd")), Form.class);

		assertThat(problems).containsExactly(new FieldProblem("name", "name: needed"),
				new FieldProblem("tags", "tags: one at least"), new FieldProblem("code", "code: too long"));
	}

	@Test
	void ofTwoBrokenConstraintsTheFirstWrittenIsSaid() {
		// Too long and not letters only: @MaxLength is written before @Pattern.
		assertThat(FormChecks.problems(checked(new Form("ABCDEFG", List.of("x"), null)), Form.class))
			.containsExactly(new FieldProblem("name", "name: too long"));
		assertThat(FormChecks.problems(checked(new Form("AB", List.of("x"), null)), Form.class))
			.containsExactly(new FieldProblem("name", "name: letters only"));
	}

	@Test
	void aListsElementAtFaultIsTheListsProblem() {
		assertThat(FormChecks.problems(checked(new Form("ab", List.of("ok", "Not OK", "ALSO"), null)), Form.class))
			.containsExactly(new FieldProblem("tags", "tags: a word each"));
	}

	@Test
	void textIsJudgedAsStoredAfterStripping() {
		// Wide spaces only are blank to strip(); spaces around five letters do not make them six or more.
		assertThat(FormChecks.problems(checked(new Form("\u3000\u2003", List.of("x"), null)), Form.class))
			.containsExactly(new FieldProblem("name", "name: needed"));
		assertThat(FormChecks.problems(checked(new Form("  abcde  ", List.of("x"), "  abc ")), Form.class)).isEmpty();
	}

	@Test
	void charactersAreCountedAsAReaderCountsThemUnlessAFormSaysOtherwise() {
		// Five emoji are five characters but ten UTF-16 units.
		assertThat(FormChecks.problems(checked(new Form("📰📰📰📰📰", List.of("x"), null)), Form.class))
			.extracting(FieldProblem::field).containsExactly("name");
		assertThat(FormChecks.problems(checked(new Form("ab", List.of("x"), "📰📰")), Form.class))
			.containsExactly(new FieldProblem("code", "code: too long"));
	}

	@Test
	void refuseIfThrowsThePagesRefusalWithTheProblems() {
		assertThatThrownBy(() -> FormChecks.refuseIf(checked(new Form("", List.of("x"), null)), Form.class,
				problems -> new Refusal(org.springframework.http.HttpStatus.BAD_REQUEST, "Please check what is marked.",
						problems) {
				}))
			.isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.errors())
				.containsExactly(new FieldProblem("name", "name: needed")));
	}

	private static Errors checked(Form form) {
		Errors errors = new DirectFieldBindingResult(form, "form");
		new SpringValidatorAdapter(FACTORY.getValidator()).validate(form, errors);
		return errors;
	}
}
