package com.caseclock.mattercache.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.mattercache.repository.ClientRateRecord;
import com.caseclock.mattercache.repository.ClientRecord;
import com.caseclock.mattercache.repository.ClientRepository;
import com.caseclock.mattercache.repository.RateRepository;
import com.caseclock.service.problem.ProblemException;

/** Reads clients of one firm: search and lookup by id (with the client's custom rates). */
@ApplicationScoped
public class ClientQueryService {

    /**
     * A client with its custom rates.
     *
     * @param client the client
     * @param rates  its custom rates
     */
    public record ClientWithRates(ClientRecord client, List<ClientRateRecord> rates) {
    }

    private final ClientRepository clients;
    private final RateRepository rates;

    ClientQueryService(ClientRepository clients, RateRepository rates) {
        this.clients = clients;
        this.rates = rates;
    }

    /**
     * @param firmId the caller's firm
     * @param q      search text (name, first/last name, e-mail), may be blank
     * @param page   the page
     * @return the ranked page
     * @throws ProblemException 400 for a query longer than 200 characters or holding a NUL character
     */
    public Page<ClientRecord> search(String firmId, String q, PageRequest page) {
        MatterQueryService.checkQuery(q);
        return Page.of(clients.search(firmId, q, page.size() + 1, page.offset()), page);
    }

    /**
     * @param firmId the caller's firm
     * @param clioId Clio contact id
     * @return the client and its rates
     * @throws ProblemException 404 when the firm has no such client in the cache
     */
    public ClientWithRates get(String firmId, long clioId) {
        ClientRecord client = clients.find(firmId, clioId)
                .orElseThrow(() -> ProblemException.notFound("Client " + clioId));
        return new ClientWithRates(client, rates.findClientRates(firmId, clioId));
    }
}
