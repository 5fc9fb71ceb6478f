package dev.stagedesk.common;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: nothing was written. Carries one message per offending field. */
public class ValidationException extends UserFacingException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
