package org.linyunzhi.hazard.internal.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The campaign page's form, kept as typed so that a refused form comes back unchanged. */
class CampaignForm {

    /** Rows shown for checklist items; blank rows are ignored. */
    static final int ITEM_ROWS = 8;

    private String name;
    private CampaignType type;
    private String department;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;
    private String kind;
    private List<String> orgTypes = new ArrayList<>();
    private String houseUse;
    private String rented;
    private String regionCode;
    private String area;
    private Double nearWaterMetres;
    private List<String> itemText = new ArrayList<>();
    private List<String> itemDepartment = new ArrayList<>();
    private List<String> itemCategory = new ArrayList<>();

    TargetRequest target() {
        Boolean rentedOnly = rented == null || rented.isBlank() ? null : Boolean.valueOf(rented);
        return new TargetRequest(kind, orgTypes == null ? null : new LinkedHashSet<>(orgTypes), houseUse, rentedOnly,
                regionCode, area, nearWaterMetres);
    }

    CampaignRequest request() {
        List<CampaignRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < itemText.size(); i++) {
            items.add(new CampaignRequest.Item(itemText.get(i), at(itemDepartment, i), at(itemCategory, i)));
        }
        return new CampaignRequest(name, type, department, startsOn, endsOn, items, target());
    }

    /** Pads the item rows so the page always offers {@link #ITEM_ROWS} of them. */
    void padItems() {
        while (itemText.size() < ITEM_ROWS) {
            itemText.add("");
        }
        while (itemDepartment.size() < itemText.size()) {
            itemDepartment.add("");
        }
        while (itemCategory.size() < itemText.size()) {
            itemCategory.add("");
        }
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public CampaignType getType() { return type; }
    public void setType(CampaignType type) { this.type = type; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public List<String> getOrgTypes() { return orgTypes; }
    public void setOrgTypes(List<String> orgTypes) { this.orgTypes = orgTypes; }
    public String getHouseUse() { return houseUse; }
    public void setHouseUse(String houseUse) { this.houseUse = houseUse; }
    public String getRented() { return rented; }
    public void setRented(String rented) { this.rented = rented; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getArea() { return area; }
    public void setArea(String area) { this.area = area; }
    public Double getNearWaterMetres() { return nearWaterMetres; }
    public void setNearWaterMetres(Double nearWaterMetres) { this.nearWaterMetres = nearWaterMetres; }
    public List<String> getItemText() { return itemText; }
    public void setItemText(List<String> itemText) { this.itemText = itemText; }
    public List<String> getItemDepartment() { return itemDepartment; }
    public void setItemDepartment(List<String> itemDepartment) { this.itemDepartment = itemDepartment; }
    public List<String> getItemCategory() { return itemCategory; }
    public void setItemCategory(List<String> itemCategory) { this.itemCategory = itemCategory; }
}
