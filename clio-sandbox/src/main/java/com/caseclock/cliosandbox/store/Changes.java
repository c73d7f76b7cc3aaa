package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.model.CustomRate;
import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.MatterCustomRate;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a mutation of one record atomically — if it throws (e.g. a 404 for an unknown reference after some fields were
 * already applied) the record is restored, as a rejected Clio write leaves the record unchanged — and reports it to
 * the {@link ChangeListener} (webhooks).
 */
final class Changes {
    private Changes() {}

    static <T extends Entity> T update(SandboxState state, Firm firm, String model, T record, Consumer<T> mutation) {
        Map<Field, Object> backup = backup(record);
        Object snapshot = state.listener().snapshot(firm, model, record);
        try {
            mutation.accept(record);
        } catch (RuntimeException e) {
            restore(record, backup);
            throw e;
        }
        record.touch(state.now());
        state.listener().changed(firm, model, "updated", record, snapshot);
        return record;
    }

    static void created(SandboxState state, Firm firm, String model, Entity record) {
        state.listener().changed(firm, model, "created", record, null);
    }

    static void deleted(SandboxState state, Firm firm, String model, Entity record) {
        Object snapshot = state.listener().snapshot(firm, model, record);
        state.listener().changed(firm, model, "deleted", record, snapshot);
    }

    private static Map<Field, Object> backup(Object record) {
        Map<Field, Object> out = new HashMap<>();
        for (Class<?> c = record.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) continue;
                try {
                    out.put(f, copy(f.get(record)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    private static void restore(Object record, Map<Field, Object> backup) {
        backup.forEach((f, v) -> {
            try {
                f.set(record, v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Object copy(Object v) {
        if (v instanceof MatterCustomRate mcr) {
            MatterCustomRate c = new MatterCustomRate();
            c.type = mcr.type;
            c.onInvoice = mcr.onInvoice;
            for (CustomRate r : mcr.rates) {
                CustomRate rc = new CustomRate();
                restore(rc, backup(r));
                c.rates.add(rc);
            }
            return c;
        }
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v instanceof Collection<?> s) return new LinkedHashSet<>(s);
        return v;
    }
}
