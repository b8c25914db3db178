package dev.gazette.comment;

/**
 * A problem with one field of a comment: {@code field} is {@code body}, {@code authorName}, {@code guestEmail} or
 * {@code parentId}. The JSON API sends these as problem JSON's {@code errors}; the form shows each by its field.
 */
public record FieldProblem(String field, String message) {
}
