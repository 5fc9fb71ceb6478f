package dev.stagedesk.expense;

import java.time.LocalDate;
import java.util.UUID;

/** A performer's personal expense (who = performer) or an agency overhead (who = vendor). */
public record ExpenseRow(UUID id, String who, String category, String description, long amountMinor,
                         String currency, LocalDate spentOn) {
}
