package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;
import java.util.function.Consumer;

/** Runs a mutation of one record and reports it to the {@link ChangeListener} (webhooks). */
final class Changes {
    private Changes() {}

    static <T extends Entity> T update(SandboxState state, Firm firm, String model, T record, Consumer<T> mutation) {
        Object snapshot = state.listener().snapshot(firm, model, record);
        mutation.accept(record);
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
}
