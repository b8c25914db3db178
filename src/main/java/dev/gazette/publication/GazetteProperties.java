package dev.gazette.publication;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings under {@code gazette.*}. Feature settings live in their own records
 * ({@code gazette.comments.*}, ...).
 *
 * @param dataDir where the embedded database (and later uploads) live
 * @param demoContent load the demo publication into an empty database on first start
 * @param baseUrl the public address of the site, used for canonical and share links
 * @param clock an ISO-8601 instant that fixes the clock (demos, tests); {@code null} means the system clock
 */
@ConfigurationProperties("gazette")
public record GazetteProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demoContent,
		@DefaultValue("http://localhost:8080") String baseUrl, String clock) {

	public GazetteProperties {
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
	}
}
