"""The microsoft.graph.synchronizationSecret values."""

from __future__ import annotations

import enum as _enum


class SynchronizationSecret(_enum.Enum):
    """The credentials and connection settings that can be stored for synchronization. Only
    the most common members are listed here.
    """

    NONE = "None"
    """No secret."""

    USER_NAME = "UserName"
    """User name for signing in to the application."""

    PASSWORD = "Password"
    """Password that goes with the user name."""

    SECRET_TOKEN = "SecretToken"
    """A bearer token that grants access to the application."""

    APP_KEY = "AppKey"
    """Key issued by the application."""

    BASE_ADDRESS = "BaseAddress"
    """Base URL of the application's provisioning endpoint."""

    CLIENT_IDENTIFIER = "ClientIdentifier"
    """Client identifier registered with the application."""

    CLIENT_SECRET = "ClientSecret"
    """Client secret that goes with the client identifier."""

    SINGLE_SIGN_ON_TYPE = "SingleSignOnType"
    """The kind of single sign-on set up for the application."""

    SANDBOX = "Sandbox"
    """Whether to connect to a test instance of the application."""

    URL = "Url"
    """Address of the application."""

    DOMAIN = "Domain"
    """Domain of the account in the application."""

    CONSUMER_KEY = "ConsumerKey"
    """OAuth 1.0 consumer key."""

    CONSUMER_SECRET = "ConsumerSecret"
    """OAuth 1.0 consumer secret."""

    TOKEN_KEY = "TokenKey"
    """Key of an access token."""

    TOKEN_EXPIRATION = "TokenExpiration"
    """When the access token stops being valid."""

    OAUTH2_ACCESS_TOKEN = "Oauth2AccessToken"
    """OAuth 2.0 access token."""

    OAUTH2_ACCESS_TOKEN_CREATION_TIME = "Oauth2AccessTokenCreationTime"
    """When the OAuth 2.0 access token was issued."""

    OAUTH2_REFRESH_TOKEN = "Oauth2RefreshToken"
    """OAuth 2.0 refresh token."""

    SYNC_ALL = "SyncAll"
    """Whether to synchronize every user and group instead of only the assigned ones."""
