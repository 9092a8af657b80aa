package id.cakupan.activity;

/** One reason an activity was refused, naming the field (the CSV column). */
public record FieldError(String field, String message) {}
