package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;

/**
 * Observes record changes (for webhooks). Called under the state lock: {@link #snapshot} before a change,
 * {@link #changed} after it.
 */
public interface ChangeListener {
    ChangeListener NONE = new ChangeListener() {
        @Override
        public Object snapshot(Firm firm, String model, Entity record) {
            return null;
        }

        @Override
        public void changed(Firm firm, String model, String event, Entity record, Object snapshot) {}
    };

    /** Captures what a later {@link #changed} needs to decide whether an update is relevant; may return null. */
    Object snapshot(Firm firm, String model, Entity record);

    /**
     * @param model  webhook model name: {@code matter}, {@code contact}, {@code activity}
     * @param event  {@code created}, {@code updated} or {@code deleted}
     */
    void changed(Firm firm, String model, String event, Entity record, Object snapshot);
}
