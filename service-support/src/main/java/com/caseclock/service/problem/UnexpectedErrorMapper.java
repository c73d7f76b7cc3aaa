package com.caseclock.service.problem;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

import org.jboss.logging.Logger;

/**
 * The last resort for exceptions no other mapper handles, so that no answer ever carries a stack trace, SQL text or
 * a Java class name:
 * <ul>
 * <li>an exception wrapping one that has its own mapper (a {@link ProblemException} or an optimistic-locking failure
 * surfacing at commit, wrapped by the interceptor or the transaction manager) is answered by that mapper;</li>
 * <li>a database "data exception" (SQLSTATE class 22: a NUL character, a date or number out of range) is a value
 * the request carried that validation let through: 400, logged as a warning so the missing check gets added;</li>
 * <li>anything else is 500 problem+json with an error id that is also in the log, with the stack trace.</li>
 * </ul>
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Response toResponse(Throwable exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = exception.getCause(); cause != null && seen.put(cause, true) == null;
                cause = cause.getCause()) {
            ExceptionMapper mapper = providers == null ? null : providers.getExceptionMapper(cause.getClass());
            if (mapper != null && !(mapper instanceof UnexpectedErrorMapper)) {
                return mapper.toResponse(cause);
            }
        }
        String errorId = UUID.randomUUID().toString();
        SQLException data = dataException(exception);
        if (data != null) {
            LOG.warnf(exception, "Request refused by the database (SQLSTATE %s), error id %s: a value passed"
                    + " validation that the database cannot store", data.getSQLState(), errorId);
            return ProblemResponses.of(new Problem("about:blank", "Bad request", 400,
                    "The request contains a value that cannot be stored (for example a NUL character, or a date or"
                            + " number out of range). Error id " + errorId + ".",
                    List.of()));
        }
        LOG.errorf(exception, "Unexpected error, error id %s", errorId);
        return ProblemResponses.of(new Problem("about:blank", "Internal server error", 500,
                "The server could not handle the request. Error id " + errorId + ".", List.of()));
    }

    private static SQLException dataException(Throwable exception) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = exception; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql;
            }
        }
        return null;
    }
}
