package dev.stagedesk.command;

import java.util.UUID;

/**
 * Something a command replayed by the sync endpoint ran into and kept instead of refusing, because another
 * desktop's work came first (a performer already booked at that time, a payment on a booking since cancelled).
 * The endpoint turns each into a conflict record every desktop shows until a person settles it.
 *
 * @param kind       what clashed (DOUBLE_BOOKING, LATE_PAYMENT ...)
 * @param recordType the record it is about (booking, payment ...)
 * @param recordId   that record
 * @param otherId    the record it clashes with, if any
 * @param message    what happened, in words
 */
public record Clash(String kind, String recordType, UUID recordId, UUID otherId, String message) {
}
