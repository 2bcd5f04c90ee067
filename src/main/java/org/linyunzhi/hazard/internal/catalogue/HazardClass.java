package org.linyunzhi.hazard.internal.catalogue;

/** One of the five hazard classes; {@code prefix} starts its categories' codes (PS-03-012). */
public record HazardClass(String code, String nameZh, String nameEn, String prefix, int sortOrder) {
}
