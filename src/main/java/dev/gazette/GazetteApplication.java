package dev.gazette;

import dev.gazette.transfer.ExportCommand;
import dev.gazette.transfer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gazette: a self-hosted newsroom. Each feature lives in its own package; see ARCHITECTURE in README. Scheduling is
 * turned on here, for all of them: the job queue, event retries and the embedded database's upkeep poll on it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class GazetteApplication {

	public static void main(String[] args) {
		if (ImportCommand.isImport(args)) {
			System.exit(ImportCommand.run(GazetteApplication.class, args, System.out));
		}
		if (ExportCommand.isExport(args)) {
			System.exit(ExportCommand.run(GazetteApplication.class, args, System.out));
		}
		SpringApplication.run(GazetteApplication.class, args);
	}
}
