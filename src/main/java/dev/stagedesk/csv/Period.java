package dev.stagedesk.csv;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The dates an export or a report covers, both days included; {@code basis} "cash" (money moved in the period)
 * or "accrual" (invoiced, or gigs played, in the period). {@link #ALL} for everything.
 */
public record Period(LocalDate from, LocalDate to, String basis) {
    public static final Period ALL = new Period(null, null, "accrual");

    public Period {
        if ((from == null) != (to == null)) {
            throw ValidationException.of(from == null ? "from" : "to", I18n.tr("period.both"));
        }
        if (from != null && to.isBefore(from)) {
            throw ValidationException.of("to", I18n.tr("period.toBeforeFrom"));
        }
        if (basis == null) {
            basis = "accrual";
        }
        if (!basis.equals("cash") && !basis.equals("accrual")) {
            throw ValidationException.of("basis", I18n.tr("period.basis"));
        }
    }

    public boolean all() {
        return from == null;
    }

    public boolean cash() {
        return basis.equals("cash");
    }

    /** The period's condition on a date column (none for {@link #ALL}). */
    public Condition on(Field<LocalDate> date) {
        return all() ? DSL.noCondition() : date.between(from, to);
    }
}
