package dev.gazette;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.gazette.comment.CommentSubmitted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GazetteApplication.class);

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicServices() {
		modules.verify();
	}

	@Test
	void everyFeatureIsAModule() {
		assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
			.containsExactlyInAnyOrder("dev.gazette.publication", "dev.gazette.article", "dev.gazette.comment",
					"dev.gazette.web", "dev.gazette.demo", "dev.gazette.account", "dev.gazette.mail",
					"dev.gazette.moderation", "dev.gazette.syndication", "dev.gazette.notification",
					"dev.gazette.newsletter", "dev.gazette.webhook", "dev.gazette.newsroom", "dev.gazette.media",
					"dev.gazette.portrait", "dev.gazette.availability", "dev.gazette.background",
					"dev.gazette.ratelimit", "dev.gazette.jobs", "dev.gazette.search", "dev.gazette.refusal",
					"dev.gazette.admin", "dev.gazette.live", "dev.gazette.transfer", "dev.gazette.site",
					"dev.gazette.reads", "dev.gazette.changes", "dev.gazette.transaction");
	}

	/**
	 * Modulith sees only Java, and templates compile to classes outside every module, so this keeps their imports in
	 * line by hand: a feature's templates use the low {@code site} module for the page frame, never the top module
	 * {@code web}, whose own pages live in {@code src/main/jte/web}.
	 */
	@Test
	void onlyTheWebModulesOwnTemplatesImportIt() throws IOException {
		Path root = Path.of("src/main/jte");
		List<String> offenders;
		try (Stream<Path> files = Files.walk(root)) {
			offenders = files.filter(file -> file.toString().endsWith(".jte"))
				.filter(file -> !root.relativize(file).startsWith("web"))
				.filter(file -> read(file).contains("dev.gazette.web."))
				.map(file -> root.relativize(file).toString())
				.toList();
		}
		assertThat(offenders).isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * {@link CommentSubmitted} carries the screening record (up to 4,000 characters) for the listeners in the
	 * comment's own transaction; a listener after the commit would have the registry store all of it, once per
	 * listener. Only the one that finishes publications stored before it carried the record may take it.
	 */
	@Test
	void noListenerAfterTheCommitTakesTheEventThatCarriesTheScreeningRecord() {
		List<String> offenders = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.gazette")
			.stream()
			.flatMap(type -> type.getMethods().stream())
			.filter(method -> method.isAnnotatedWith(ApplicationModuleListener.class))
			.filter(method -> method.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(CommentSubmitted.class)))
			.filter(method -> !"#p0.screeningRecord() == null"
				.equals(method.getAnnotationOfType(ApplicationModuleListener.class).condition()))
			.map(JavaMethod::getFullName)
			.toList();
		assertThat(offenders).isEmpty();
	}

	/** Module diagrams and canvases in {@code target/spring-modulith-docs}, for the architecture notes. */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
