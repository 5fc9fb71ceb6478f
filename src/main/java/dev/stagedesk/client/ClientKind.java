package dev.stagedesk.client;

public enum ClientKind {
    PERSON, COMPANY
}
