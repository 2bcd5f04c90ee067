package org.linyunzhi.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.linyunzhi.identity.DataScope;

/** The create/edit user form, kept as typed when it comes back with errors. */
public class UserForm {

    private String username;
    private String displayName;
    private String regionCode;
    private UUID departmentId;
    private DataScope.Kind scopeKind;
    private List<String> roles = new ArrayList<>();
    private Integer version;

    static UserForm of(Account a) {
        UserForm form = new UserForm();
        form.username = a.username();
        form.displayName = a.displayName();
        form.regionCode = a.regionCode();
        form.departmentId = a.departmentId();
        form.scopeKind = a.scopeKind();
        form.roles = new ArrayList<>(a.roles());
        form.version = a.version();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? null : displayName.strip();
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode == null ? null : regionCode.strip();
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public DataScope.Kind getScopeKind() {
        return scopeKind;
    }

    public void setScopeKind(DataScope.Kind scopeKind) {
        this.scopeKind = scopeKind;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
