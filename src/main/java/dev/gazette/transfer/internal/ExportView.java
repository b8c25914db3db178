package dev.gazette.transfer.internal;

import dev.gazette.transfer.ExportSize;

import java.util.List;

/** The export page's model: what the publication holds, and the JSON documents offered. */
public record ExportView(ExportSize size, List<String> jsonFiles) {
}
