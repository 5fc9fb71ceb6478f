package dev.stagedesk.numbering;

import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The one numbering service for human numbers (bookings now; invoices and credit notes later): gapless and
 * unique per series and period, because the counter row is locked FOR UPDATE inside the caller's transaction
 * and a rolled-back transaction takes its number back with it. The sync issue extends this for offline
 * devices (a device prefix or a block of numbers) without changing its callers.
 */
public final class Numbering {
    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(0+))?}");

    private static final int RACE_ATTEMPTS = 40;

    private Numbering() {
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5L * (attempt + 1), 100L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a number", e);
        }
    }

    /** The next number of {@code series} in {@code period} (a year), within the caller's transaction. */
    public static long next(DSLContext tx, String series, int period) {
        for (int attempt = 0; ; attempt++) {
            Long last = tx.select(NUMBER_SEQUENCE.LAST_VALUE).from(NUMBER_SEQUENCE)
                    .where(NUMBER_SEQUENCE.SERIES.eq(series), NUMBER_SEQUENCE.PERIOD.eq(period))
                    .forUpdate().fetchOne(NUMBER_SEQUENCE.LAST_VALUE);
            if (last != null) {
                tx.update(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.LAST_VALUE, last + 1)
                        .where(NUMBER_SEQUENCE.SERIES.eq(series), NUMBER_SEQUENCE.PERIOD.eq(period)).execute();
                return last + 1;
            }
            if (tx.dialect().family() == SQLDialect.POSTGRES) {
                // PostgreSQL: a failed statement aborts the whole transaction, so the race is settled by the insert
                // itself: it waits for another writer's insert of the row and then does nothing (and the row is read
                // and locked again above)
                if (tx.insertInto(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.SERIES, series)
                        .set(NUMBER_SEQUENCE.PERIOD, period).set(NUMBER_SEQUENCE.LAST_VALUE, 1L)
                        .onConflictDoNothing().execute() == 1) {
                    return 1;
                }
                continue;
            }
            try {
                tx.insertInto(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.SERIES, series).set(NUMBER_SEQUENCE.PERIOD, period)
                        .set(NUMBER_SEQUENCE.LAST_VALUE, 1L).execute();
                return 1;
            } catch (DataAccessException raced) {
                // another writer created the row first, in a transaction that may not have committed yet: the
                // row becomes visible (and lockable) once it does, so read it again after a short pause
                if (attempt >= RACE_ATTEMPTS) {
                    throw raced;
                }
                pause(attempt);
            }
        }
    }

    /** Renders a pattern such as {@code BK-{yyyy}-{seq:000000}}: the year and the number padded with zeros. */
    public static String format(String pattern, int year, long seq) {
        String withYear = pattern.replace("{yyyy}", String.format("%04d", year)).replace("{yy}",
                String.format("%02d", year % 100));
        Matcher m = SEQ.matcher(withYear);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : m.group(1).length();
            m.appendReplacement(out, String.format("%0" + width + "d", seq));
        }
        m.appendTail(out);
        return out.toString();
    }
}
