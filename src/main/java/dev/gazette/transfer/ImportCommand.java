package dev.gazette.transfer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar gazette.jar import wordpress FILE [--uploads DIR] [--dry-run] [--screen]} and
 * {@code import disqus FILE [--dry-run] [--screen]} ({@code --screen}: see {@link ImportScreening}): Gazette started without an HTTP port ({@code server.port=-1}) against the configured database,
 * the import run with a progress bar, the report printed, and the process ended (status 0 when done, 1 when the file
 * was refused, 2 for a command it does not understand). Other {@code --name=value} arguments are Gazette's settings.
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	/** Whether these are an import command's arguments. */
	public static boolean isImport(String[] args) {
		return args.length > 0 && args[0].equals("import");
	}

	public static int run(Class<?> application, String[] args, PrintStream out) {
		List<String> settings = new ArrayList<>();
		List<String> words = new ArrayList<>();
		Path uploads = null;
		boolean dryRun = false;
		boolean screen = false;
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--dry-run")) {
				dryRun = true;
			}
			else if (arg.equals("--screen")) {
				screen = true;
			}
			else if (arg.equals("--uploads") && i + 1 < args.length) {
				uploads = Path.of(args[++i]);
			}
			else if (arg.startsWith("--uploads=")) {
				uploads = Path.of(arg.substring("--uploads=".length()));
			}
			else if (arg.startsWith("--")) {
				settings.add(arg);
			}
			else {
				words.add(arg);
			}
		}
		if (words.size() != 2 || !(words.get(0).equals("wordpress") || words.get(0).equals("disqus"))) {
			out.println("Usage: import wordpress FILE [--uploads DIR] [--dry-run] [--screen]");
			out.println("       import disqus FILE [--dry-run] [--screen]");
			return 2;
		}
		try (ConfigurableApplicationContext context = start(application, settings)) {
			Path file = Path.of(words.get(1));
			ProgressBar bar = new ProgressBar(out);
			ImportReport report;
			try {
				report = words.get(0).equals("wordpress")
						? context.getBean(WordPressImport.class).run(file, uploads, dryRun, screen, bar::at)
						: context.getBean(DisqusImport.class).run(file, dryRun, screen, bar::at);
			}
			catch (ImportRefused refused) {
				bar.done();
				out.println(refused.getMessage());
				return 1;
			}
			bar.done();
			out.print(report.text());
			return 0;
		}
	}

	/**
	 * Gazette started for a command: no HTTP port, no demo content, against the configured database, with the given
	 * {@code --name=value} settings.
	 */
	static ConfigurableApplicationContext start(Class<?> application, List<String> given) {
		List<String> settings = new ArrayList<>(given);
		settings.add("--gazette.demo-content=false");
		// A web application context (sessions and security need one) with no connector: nothing listens.
		settings.add("--server.port=-1");
		if (settings.stream().noneMatch(s -> s.startsWith("--gazette.base-url="))) {
			// The default public address is built from the port; with none, say a harmless one (no link is written).
			settings.add("--gazette.base-url=http://localhost");
		}
		settings.add("--spring.main.banner-mode=off");
		return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run(settings.toArray(String[]::new));
	}

	/** One line redrawn in place: {@code [#####.....] 50%  25000/50000}. */
	static final class ProgressBar {

		private final PrintStream out;

		private int shown = -1;

		private boolean drawn;

		ProgressBar(PrintStream out) {
			this.out = out;
		}

		void at(int done, int total) {
			int percent = total <= 0 ? 100 : (int) (100L * done / total);
			if (percent == shown) {
				return;
			}
			shown = percent;
			int filled = percent / 5;
			out.print("\r[" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + percent + "%  " + done + "/" + total);
			out.flush();
			drawn = true;
		}

		void done() {
			if (drawn) {
				out.println();
			}
		}
	}
}
