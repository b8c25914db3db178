package dev.gazette.refusal;

/**
 * What is wrong with one field of a request: {@code field} is the name a client sent it under ({@code email},
 * {@code displayName}, {@code at} ...), {@code message} a sentence for the person who filled it in.
 */
public record FieldProblem(String field, String message) {
}
