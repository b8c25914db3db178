package dev.gazette.transfer;

import java.util.List;

/** The export page's model: what the publication holds, and the JSON documents offered. */
public record ExportView(ExportSize size, List<String> jsonFiles) {
}
