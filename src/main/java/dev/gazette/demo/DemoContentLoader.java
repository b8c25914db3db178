package dev.gazette.demo;

import dev.gazette.publication.GazetteProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On start, fills an empty database with the demo publication unless {@code gazette.demo-content=false}. */
@Component
class DemoContentLoader implements ApplicationRunner {

	private final DemoContent content;

	private final GazetteProperties properties;

	DemoContentLoader(DemoContent content, GazetteProperties properties) {
		this.content = content;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demoContent()) {
			content.loadIntoEmptyDatabase();
		}
	}
}
