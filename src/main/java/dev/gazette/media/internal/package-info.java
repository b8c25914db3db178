/**
 * The media library's inside: the upload checks and re-encoding ({@code ImageProcessor}, {@code ExifOrientation},
 * {@code UploadLimit}), the storage on disk or S3 ({@code MediaStorage}), the repository, the library's pages, API
 * and rendition files, and their views. Public only so that the feature's own package can use them; no other feature
 * may (Spring Modulith checks it): they use {@link dev.gazette.media.MediaLibrary}.
 */
package dev.gazette.media.internal;
