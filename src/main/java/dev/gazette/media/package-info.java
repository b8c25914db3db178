/**
 * The media library: images uploaded by the newsroom, with the alt text, caption and credit that go with them. An
 * upload's type is read from its bytes (JPEG, PNG, GIF, WebP), its pixel size from its header before anything is
 * decoded, and the original bytes are never kept: a re-encoded master and one rendition per configured width (never
 * wider than the original) are stored, without the upload's metadata, through {@link MediaStorage} (local disk or an
 * S3-compatible bucket). Other features use {@link MediaLibrary} alone: pictures for pages, the lead-image picker and
 * the check that an image is fit to publish.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media", allowedDependencies = { "account",
		"publication", "refusal" })
package dev.gazette.media;
