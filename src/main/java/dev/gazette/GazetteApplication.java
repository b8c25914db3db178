package dev.gazette;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Gazette: a self-hosted newsroom. Each feature lives in its own package; see ARCHITECTURE in README. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class GazetteApplication {

	public static void main(String[] args) {
		SpringApplication.run(GazetteApplication.class, args);
	}
}
