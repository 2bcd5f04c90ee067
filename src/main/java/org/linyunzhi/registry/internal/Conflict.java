package org.linyunzhi.registry.internal;

import java.util.List;

/**
 * A field where the incoming file and the stored record disagree. Numbers are shown masked here:
 * the preview is not a reveal.
 *
 * @param record        what identifies the record to people (address, credit code, masked ID and name)
 * @param storedSources the departments that supplied the stored record
 * @param department    the department whose file brings the incoming value
 */
record Conflict(int row, String record, String field, String stored, String incoming, List<String> storedSources,
                String department) {
}
