package com.caseclock.mattercache.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.mattercache.repository.ActivityDescriptionRecord;
import com.caseclock.mattercache.repository.ClientRateRecord;
import com.caseclock.mattercache.repository.MatterRecord;
import com.caseclock.mattercache.repository.MatterRepository;
import com.caseclock.mattercache.repository.RateRepository;
import com.caseclock.mattercache.repository.UserRateRecord;

/**
 * Explains which rate an entry on a matter by a user would get ({@link RatePrecedence}), from the firm's cache only.
 * When the cache cannot know, it says so ({@code known=false}) instead of guessing.
 */
@ApplicationScoped
public class RateExplanationService {

    private final MatterRepository matters;
    private final RateRepository rates;

    RateExplanationService(MatterRepository matters, RateRepository rates) {
        this.matters = matters;
        this.rates = rates;
    }

    /**
     * @param firmId                the caller's firm
     * @param matterId              Clio matter id
     * @param userClioId            Clio user id
     * @param activityDescriptionId Clio activity description id, or {@code null}
     * @return the explanation; {@code known=false} with a reason when the matter is not in this firm's cache (the
     *         same answer whether or not another firm has it), or the user's or activity's rate record is missing
     */
    public RateExplanation explain(String firmId, long matterId, long userClioId, Long activityDescriptionId) {
        var matter = matters.find(firmId, matterId);
        if (matter.isEmpty()) {
            List<RateExplanation.Layer> layers = new ArrayList<>();
            for (RateLayer layer : RateLayer.values()) {
                layers.add(new RateExplanation.Layer(layer, null, null, "matter not cached", false));
            }
            return new RateExplanation(matterId, userClioId, activityDescriptionId, false,
                    "matter " + matterId + " is not in the cache (not synced from Clio yet, or deleted)", null, null,
                    null, null, layers);
        }
        MatterRecord m = matter.get();
        UserRateRecord user = rates.findUser(firmId, userClioId).orElse(null);
        List<ClientRateRecord> clientRates = m.clientClioId() == null ? List.of()
                : rates.findClientRates(firmId, m.clientClioId());
        ActivityDescriptionRecord activity = activityDescriptionId == null ? null
                : rates.findActivityDescription(firmId, activityDescriptionId).orElse(null);
        return RatePrecedence.explain(new RatePrecedence.Inputs(userClioId, m, user, clientRates,
                activityDescriptionId, activity));
    }
}
