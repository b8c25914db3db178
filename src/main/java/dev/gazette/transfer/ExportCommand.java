package dev.gazette.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar gazette.jar export wordpress FILE [--with-emails]} and
 * {@code export json DIR [--with-emails]}: the whole publication written as a WordPress export (WXR 1.2) or as one
 * JSON document per kind, with a progress bar, by Gazette started without an HTTP port against the configured
 * database, as {@link ImportCommand} does. Addresses in the export are built from {@code --gazette.base-url=…}, which
 * should be given (status 0 when written, 2 for a command it does not understand).
 */
public final class ExportCommand {

	private ExportCommand() {
	}

	public static boolean isExport(String[] args) {
		return args.length > 0 && args[0].equals("export");
	}

	public static int run(Class<?> application, String[] args, PrintStream out) {
		List<String> settings = new ArrayList<>();
		List<String> words = new ArrayList<>();
		boolean emails = false;
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--with-emails")) {
				emails = true;
			}
			else if (args[i].startsWith("--")) {
				settings.add(args[i]);
			}
			else {
				words.add(args[i]);
			}
		}
		if (words.size() != 2 || !(words.get(0).equals("wordpress") || words.get(0).equals("json"))) {
			out.println("Usage: export wordpress FILE [--with-emails] [--gazette.base-url=https://your.site]");
			out.println("       export json DIR [--with-emails] [--gazette.base-url=https://your.site]");
			return 2;
		}
		if (settings.stream().noneMatch(s -> s.startsWith("--gazette.base-url="))) {
			out.println("note: no --gazette.base-url=… given; links in the export start with http://localhost");
		}
		ExportOptions options = new ExportOptions(emails);
		Path target = Path.of(words.get(1));
		try (ConfigurableApplicationContext context = ImportCommand.start(application, settings)) {
			ImportCommand.ProgressBar bar = new ImportCommand.ProgressBar(out);
			if (words.get(0).equals("wordpress")) {
				try (OutputStream file = Files.newOutputStream(target)) {
					WxrExport.Written w = context.getBean(WxrExport.class).write(file, options, bar::at);
					bar.done();
					out.printf("Wrote %s: %d articles, %d pages, %d comments, %d authors, %d sections, %d tags, %d images%n",
							target, w.articles(), w.pages(), w.comments(), w.authors(), w.sections(), w.tags(), w.media());
				}
			}
			else {
				long[] written = context.getBean(JsonExport.class).writeAll(target, options, bar::at);
				bar.done();
				JsonExport.Kind[] kinds = JsonExport.Kind.values();
				for (int i = 0; i < kinds.length; i++) {
					out.printf("Wrote %s: %d%n", target.resolve(kinds[i].fileName()), written[i]);
				}
			}
			if (emails) {
				out.println("The export holds readers' e-mail addresses: keep it as private as the database.");
			}
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
