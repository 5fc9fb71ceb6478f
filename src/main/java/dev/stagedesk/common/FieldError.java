package dev.stagedesk.common;

/** One problem with one input field, in words a person understands. */
public record FieldError(String field, String message) {
}
