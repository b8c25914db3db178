package dev.gazette;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
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
					"dev.gazette.admin", "dev.gazette.live", "dev.gazette.transfer", "dev.gazette.site");
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

	/** Module diagrams and canvases in {@code target/spring-modulith-docs}, for the architecture notes. */
	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
