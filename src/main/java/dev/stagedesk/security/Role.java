package dev.stagedesk.security;

public enum Role {
    ADMIN, COORDINATOR, ACCOUNTANT, PERFORMER
}
