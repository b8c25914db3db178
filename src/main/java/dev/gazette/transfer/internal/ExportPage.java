package dev.gazette.transfer.internal;

import dev.gazette.transfer.ExportOptions;
import dev.gazette.transfer.JsonExport;
import dev.gazette.transfer.WxrExport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/export}: what the publication holds, and downloads of all of it as a WordPress export or as JSON,
 * one document per kind (admins only). A download is written to the response as it is read from the database, so it
 * starts at once and the browser's download shows it growing, however large the site; nothing is kept on the server.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class ExportPage {

	static final String PATH = "/admin/export";

	private final WxrExport wxr;

	private final JsonExport json;

	private final Clock clock;

	public ExportPage(WxrExport wxr, JsonExport json, Clock clock) {
		this.wxr = wxr;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping(PATH)
	public String page(HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("export", new ExportView(wxr.size(),
				java.util.Arrays.stream(JsonExport.Kind.values()).map(JsonExport.Kind::fileName).toList()));
		return "transfer/export";
	}

	@GetMapping(PATH + "/wordpress.xml")
	public void wordpress(@RequestParam(defaultValue = "false") boolean emails, HttpServletResponse response)
			throws IOException {
		download(response, "application/xml", "gazette-" + today() + ".wordpress.xml");
		try (OutputStream out = response.getOutputStream()) {
			wxr.write(out, new ExportOptions(emails), (done, total) -> {
			});
		}
	}

	@GetMapping(PATH + "/json/{file}")
	public void json(@PathVariable String file, @RequestParam(defaultValue = "false") boolean emails,
			HttpServletResponse response) throws IOException {
		JsonExport.Kind kind = JsonExport.Kind.of(file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		download(response, "application/json", "gazette-" + today() + "." + kind.fileName());
		try (OutputStream out = response.getOutputStream()) {
			json.write(kind, out, new ExportOptions(emails));
		}
	}

	private static void download(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type + ";charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		// Private data, never kept by a browser's or a proxy's cache.
		response.setHeader("Cache-Control", "no-store");
	}

	private String today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
	}
}
