package id.cakupan.store;

import id.cakupan.coverage.CoverageRecord;
import java.util.List;

/**
 * The coverage records written since a mark (see {@link Store#coverageChangedSince}), read in one
 * snapshot with the mark that snapshot is at.
 *
 * @param mark what to pass to the next {@link Store#coverageChangedSince}
 * @param records every record added or changed since the earlier mark (perhaps a few from before it,
 *     which applying again changes nothing), in no particular order
 */
public record CoverageChanges(long mark, List<CoverageRecord> records) {}
