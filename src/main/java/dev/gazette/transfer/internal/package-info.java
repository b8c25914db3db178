/**
 * Moving in and out, inside: the WXR reader and model, the hardened XML reader, WordPress content conversion, the
 * import's ledger, runs and screening, the old addresses that answer 301, the export's paged reads of the tables
 * ({@code SiteRows}), and the import and export pages with their views. Public only so that the feature's own
 * package can use them; no other feature may (Spring Modulith checks it).
 */
package dev.gazette.transfer.internal;
