"""Every documented operation: the table the service routes by."""

from __future__ import annotations

from ..models.attribute_definition import AttributeDefinition
from ..models.expression_input_object import ExpressionInputObject
from ..models.synchronization import Synchronization
from ..models.synchronization_job import SynchronizationJob
from ..models.synchronization_job_application_parameters import (
    SynchronizationJobApplicationParameters,
)
from ..models.synchronization_job_restart_criteria import (
    SynchronizationJobRestartCriteria,
)
from ..models.synchronization_schema import SynchronizationSchema
from ..models.synchronization_secret_key_string_value_pair import (
    SynchronizationSecretKeyStringValuePair,
)
from ..models.synchronization_template import SynchronizationTemplate
from ._service import Operation, Parameter

OPERATIONS: list[Operation] = [
    Operation(
        handler="synchronization",
        method_name="list_synchronizations",
        http_method="GET",
        path="/synchronizations",
        kind="list",
        path_params=(),
        status=200,
        returns="microsoft.graph.synchronization",
        returns_collection=True,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "value": [
                {
                    "id": "5f0d2c9e-8a41-4b6d-9e3f-7c12a4b8d065",
                    "secrets": [
                        {"key": "BaseAddress", "value": "https://scim.contoso.com/v2"}
                    ],
                },
                {"id": "e93a0b57-2c8d-4f16-b4a9-7d05c3e1f862", "secrets": []},
            ]
        },
        effects=(),
        key="id",
        lists_all=True,
    ),
    Operation(
        handler="synchronization",
        method_name="create_synchronization",
        http_method="PUT",
        path="/servicePrincipals/{servicePrincipalId}/synchronization",
        kind="replace",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=201,
        returns="microsoft.graph.synchronization",
        returns_collection=False,
        body="microsoft.graph.synchronization",
        body_model=Synchronization,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronization.json"
        },
        example={
            "id": "5f0d2c9e-8a41-4b6d-9e3f-7c12a4b8d065",
            "secrets": [{"key": "BaseAddress", "value": "https://scim.contoso.com/v2"}],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="get_synchronization",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization",
        kind="get",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=200,
        returns="microsoft.graph.synchronization",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "id": "5f0d2c9e-8a41-4b6d-9e3f-7c12a4b8d065",
            "secrets": [{"key": "BaseAddress", "value": "https://scim.contoso.com/v2"}],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="update_synchronization",
        http_method="PATCH",
        path="/servicePrincipals/{servicePrincipalId}/synchronization",
        kind="update",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=200,
        returns="microsoft.graph.synchronization",
        returns_collection=False,
        body="microsoft.graph.synchronization",
        body_model=Synchronization,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronization.json"
        },
        example={
            "id": "5f0d2c9e-8a41-4b6d-9e3f-7c12a4b8d065",
            "secrets": [
                {"key": "BaseAddress", "value": "https://scim.contoso.com/v3"},
                {"key": "SyncAll", "value": "false"},
            ],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="delete_synchronization",
        http_method="DELETE",
        path="/servicePrincipals/{servicePrincipalId}/synchronization",
        kind="delete",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="acquire_access_token",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/acquireAccessToken",
        kind="action",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(
            Parameter(
                "credentials",
                "credentials",
                SynchronizationSecretKeyStringValuePair,
                True,
            ),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "credentials": {
                    "type": ["array", "null"],
                    "items": {
                        "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationSecretKeyStringValuePair.json"
                    },
                }
            },
        },
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="ping",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/ping",
        kind="function",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=200,
        returns="Edm.String",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={"value": "Pong"},
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="list_jobs",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs",
        kind="list",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=200,
        returns="microsoft.graph.synchronizationJob",
        returns_collection=True,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "value": [
                {
                    "id": "scim.5f0d2c9e8a414b6d9e3f7c12a4b8d065.3c7e9a14-2d5b-4f60-8e1a-b94c0d27f3e8",
                    "templateId": "scim",
                    "schedule": {
                        "expiration": "2026-12-31T23:59:59Z",
                        "interval": "PT40M",
                        "state": "Active",
                    },
                    "status": {
                        "code": "Active",
                        "countSuccessiveCompleteFailures": 0,
                        "escrowsPruned": False,
                        "progress": [
                            {
                                "completedUnits": 1498,
                                "progressObservationDateTime": "2026-03-01T08:06:41Z",
                                "totalUnits": 1532,
                                "units": "objects",
                            }
                        ],
                        "synchronizedEntryCountByType": [
                            {
                                "key": "user to urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                                "value": 1498,
                            },
                            {
                                "key": "group to urn:ietf:params:scim:schemas:core:2.0:Group",
                                "value": 34,
                            },
                        ],
                        "lastExecution": {
                            "activityIdentifier": "6f1c2a9e-40b7-4d3e-8c5a-1e9b7d2f4a60",
                            "countEntitled": 1532,
                            "countEntitledForProvisioning": 1498,
                            "countEscrowed": 3,
                            "countEscrowedRaw": 5,
                            "countExported": 42,
                            "countExports": 45,
                            "countImported": 1532,
                            "countImportedDeltas": 45,
                            "countImportedReferenceDeltas": 7,
                            "error": {
                                "code": "SystemForCrossDomainIdentityManagementBadRequest",
                                "message": "The target application rejected three of the exported users.",
                                "tenantActionable": True,
                            },
                            "state": "EntryLevelErrors",
                            "timeBegan": "2026-03-01T08:00:00Z",
                            "timeEnded": "2026-03-01T08:06:41Z",
                        },
                        "lastSuccessfulExecutionWithExports": {
                            "activityIdentifier": "6f1c2a9e-40b7-4d3e-8c5a-1e9b7d2f4a60",
                            "countEntitled": 1532,
                            "countEntitledForProvisioning": 1498,
                            "countEscrowed": 3,
                            "countEscrowedRaw": 5,
                            "countExported": 42,
                            "countExports": 45,
                            "countImported": 1532,
                            "countImportedDeltas": 45,
                            "countImportedReferenceDeltas": 7,
                            "error": {
                                "code": "SystemForCrossDomainIdentityManagementBadRequest",
                                "message": "The target application rejected three of the exported users.",
                                "tenantActionable": True,
                            },
                            "state": "EntryLevelErrors",
                            "timeBegan": "2026-03-01T08:00:00Z",
                            "timeEnded": "2026-03-01T08:06:41Z",
                        },
                        "steadyStateFirstAchievedTime": "2026-02-12T10:15:00Z",
                        "steadyStateLastAchievedTime": "2026-03-01T08:06:41Z",
                    },
                    "synchronizationJobSettings": [
                        {"name": "QuarantineTooManyDeletesThreshold", "value": "500"}
                    ],
                },
                {
                    "id": "scim.5f0d2c9e8a414b6d9e3f7c12a4b8d065.71b0e5d2-c84f-4a39-9d16-2e8fa3c5b704",
                    "templateId": "scim",
                    "schedule": {
                        "expiration": "2026-12-31T23:59:59Z",
                        "interval": "PT40M",
                        "state": "Active",
                    },
                    "status": {
                        "code": "Quarantine",
                        "countSuccessiveCompleteFailures": 4,
                        "escrowsPruned": False,
                        "progress": [],
                        "synchronizedEntryCountByType": [],
                        "quarantine": {
                            "currentBegan": "2026-02-27T06:20:00Z",
                            "error": {
                                "code": "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
                                "message": "The stored secret token was rejected by the application.",
                                "tenantActionable": True,
                            },
                            "nextAttempt": "2026-03-02T06:20:00Z",
                            "reason": "EncounteredQuarantineException",
                            "seriesBegan": "2026-02-25T06:20:00Z",
                            "seriesCount": 3,
                        },
                        "troubleshootingUrl": "https://aka.ms/scimprovisioning/troubleshooting",
                    },
                    "synchronizationJobSettings": [
                        {"name": "QuarantineTooManyDeletesThreshold", "value": "500"}
                    ],
                },
            ]
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="create_synchronization_job",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs",
        kind="create",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=201,
        returns="microsoft.graph.synchronizationJob",
        returns_collection=False,
        body="microsoft.graph.synchronizationJob",
        body_model=SynchronizationJob,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationJob.json"
        },
        example={
            "id": "scim.5f0d2c9e8a414b6d9e3f7c12a4b8d065.3c7e9a14-2d5b-4f60-8e1a-b94c0d27f3e8",
            "templateId": "scim",
            "schedule": {
                "expiration": "2026-12-31T23:59:59Z",
                "interval": "PT40M",
                "state": "Disabled",
            },
            "status": {
                "code": "NotConfigured",
                "countSuccessiveCompleteFailures": 0,
                "escrowsPruned": False,
                "progress": [],
                "synchronizedEntryCountByType": [],
            },
            "synchronizationJobSettings": [],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="list_templates",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/templates",
        kind="list",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=200,
        returns="microsoft.graph.synchronizationTemplate",
        returns_collection=True,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "value": [
                {
                    "id": "scim",
                    "applicationId": "0b8e4f27-63d1-4a9c-b5e2-91f7d3c6a480",
                    "default": True,
                    "description": "Provisions users and groups to an application that exposes a SCIM 2.0 endpoint.",
                    "discoverable": True,
                    "factoryTag": "CustomSCIM",
                    "metadata": [
                        {"key": "galleryApplicationIdentifier", "value": "contoso-scim"}
                    ],
                }
            ]
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization",
        method_name="create_synchronization_template",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/templates",
        kind="create",
        path_params=(("servicePrincipalId", "service_principal_id"),),
        status=201,
        returns="microsoft.graph.synchronizationTemplate",
        returns_collection=False,
        body="microsoft.graph.synchronizationTemplate",
        body_model=SynchronizationTemplate,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationTemplate.json"
        },
        example={
            "id": "scim-custom",
            "applicationId": "0b8e4f27-63d1-4a9c-b5e2-91f7d3c6a480",
            "default": False,
            "description": "",
            "discoverable": False,
            "factoryTag": "CustomSCIM",
            "metadata": [],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="get_synchronization_job",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}",
        kind="get",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.synchronizationJob",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "id": "scim.5f0d2c9e8a414b6d9e3f7c12a4b8d065.3c7e9a14-2d5b-4f60-8e1a-b94c0d27f3e8",
            "templateId": "scim",
            "schedule": {
                "expiration": "2026-12-31T23:59:59Z",
                "interval": "PT40M",
                "state": "Active",
            },
            "status": {
                "code": "Active",
                "countSuccessiveCompleteFailures": 0,
                "escrowsPruned": False,
                "progress": [
                    {
                        "completedUnits": 1498,
                        "progressObservationDateTime": "2026-03-01T08:06:41Z",
                        "totalUnits": 1532,
                        "units": "objects",
                    }
                ],
                "synchronizedEntryCountByType": [
                    {
                        "key": "user to urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        "value": 1498,
                    },
                    {
                        "key": "group to urn:ietf:params:scim:schemas:core:2.0:Group",
                        "value": 34,
                    },
                ],
                "lastExecution": {
                    "activityIdentifier": "6f1c2a9e-40b7-4d3e-8c5a-1e9b7d2f4a60",
                    "countEntitled": 1532,
                    "countEntitledForProvisioning": 1498,
                    "countEscrowed": 3,
                    "countEscrowedRaw": 5,
                    "countExported": 42,
                    "countExports": 45,
                    "countImported": 1532,
                    "countImportedDeltas": 45,
                    "countImportedReferenceDeltas": 7,
                    "error": {
                        "code": "SystemForCrossDomainIdentityManagementBadRequest",
                        "message": "The target application rejected three of the exported users.",
                        "tenantActionable": True,
                    },
                    "state": "EntryLevelErrors",
                    "timeBegan": "2026-03-01T08:00:00Z",
                    "timeEnded": "2026-03-01T08:06:41Z",
                },
                "lastSuccessfulExecutionWithExports": {
                    "activityIdentifier": "6f1c2a9e-40b7-4d3e-8c5a-1e9b7d2f4a60",
                    "countEntitled": 1532,
                    "countEntitledForProvisioning": 1498,
                    "countEscrowed": 3,
                    "countEscrowedRaw": 5,
                    "countExported": 42,
                    "countExports": 45,
                    "countImported": 1532,
                    "countImportedDeltas": 45,
                    "countImportedReferenceDeltas": 7,
                    "error": {
                        "code": "SystemForCrossDomainIdentityManagementBadRequest",
                        "message": "The target application rejected three of the exported users.",
                        "tenantActionable": True,
                    },
                    "state": "EntryLevelErrors",
                    "timeBegan": "2026-03-01T08:00:00Z",
                    "timeEnded": "2026-03-01T08:06:41Z",
                },
                "steadyStateFirstAchievedTime": "2026-02-12T10:15:00Z",
                "steadyStateLastAchievedTime": "2026-03-01T08:06:41Z",
            },
            "synchronizationJobSettings": [
                {"name": "QuarantineTooManyDeletesThreshold", "value": "500"}
            ],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="delete_synchronization_job",
        http_method="DELETE",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}",
        kind="delete",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="start",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/start",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example=None,
        effects=(
            (
                (
                    "schedule",
                    "state",
                ),
                "Active",
            ),
            (
                (
                    "status",
                    "code",
                ),
                "Active",
            ),
        ),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="pause",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/pause",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example=None,
        effects=(
            (
                (
                    "schedule",
                    "state",
                ),
                "Paused",
            ),
            (
                (
                    "status",
                    "code",
                ),
                "Paused",
            ),
        ),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="restart",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/restart",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(
            Parameter("criteria", "criteria", SynchronizationJobRestartCriteria, False),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "criteria": {
                    "anyOf": [
                        {
                            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationJobRestartCriteria.json"
                        },
                        {"type": "null"},
                    ]
                }
            },
        },
        example=None,
        effects=(
            (
                (
                    "schedule",
                    "state",
                ),
                "Active",
            ),
            (
                (
                    "status",
                    "code",
                ),
                "Active",
            ),
        ),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="validate_credentials",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/validateCredentials",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(
            Parameter("applicationIdentifier", "application_identifier", None, False),
            Parameter("templateId", "template_id", None, False),
            Parameter("useSavedCredentials", "use_saved_credentials", None, False),
            Parameter(
                "credentials",
                "credentials",
                SynchronizationSecretKeyStringValuePair,
                True,
            ),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "applicationIdentifier": {"type": ["string", "null"]},
                "templateId": {"type": ["string", "null"]},
                "useSavedCredentials": {"type": ["boolean", "null"]},
                "credentials": {
                    "type": ["array", "null"],
                    "items": {
                        "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationSecretKeyStringValuePair.json"
                    },
                },
            },
        },
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_job",
        method_name="provision_on_demand",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/provisionOnDemand",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.stringKeyStringValuePair",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(
            Parameter(
                "parameters",
                "parameters",
                SynchronizationJobApplicationParameters,
                True,
            ),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "parameters": {
                    "type": ["array", "null"],
                    "items": {
                        "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationJobApplicationParameters.json"
                    },
                }
            },
        },
        example={
            "key": '{"result":"Success","details":{}}',
            "value": '{"action":"Create","startTime":"2026-03-01T09:12:03Z","endTime":"2026-03-01T09:12:05Z","reportableIdentifier":"adelev@contoso.com","sourceIdentity":{"id":"c47a1e90-5b2d-4f83-a6c1-09d8e7f3b215","type":"User"}}',
        },
        effects=(),
        key=None,
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="get_synchronization_schema",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema",
        kind="get",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.synchronizationSchema",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "id": "scim.5f0d2c9e8a414b6d9e3f7c12a4b8d065.3c7e9a14-2d5b-4f60-8e1a-b94c0d27f3e8",
            "synchronizationRules": [
                {
                    "editable": True,
                    "id": "8d2b6f41-9c3e-4a75-b018-e6c4a9f2d357",
                    "metadata": [
                        {"key": "defaultSourceObjectMappings", "value": "User"}
                    ],
                    "name": "USER_TO_SCIM",
                    "objectMappings": [
                        {
                            "attributeMappings": [
                                {
                                    "defaultValue": "",
                                    "exportMissingReferences": False,
                                    "flowBehavior": "FlowWhenChanged",
                                    "flowType": "Always",
                                    "matchingPriority": 1,
                                    "source": {
                                        "expression": "[userPrincipalName]",
                                        "name": "userPrincipalName",
                                        "parameters": [],
                                        "type": "Attribute",
                                    },
                                    "targetAttributeName": "userName",
                                },
                                {
                                    "defaultValue": "",
                                    "exportMissingReferences": False,
                                    "flowBehavior": "FlowWhenChanged",
                                    "flowType": "Always",
                                    "matchingPriority": 0,
                                    "source": {
                                        "expression": 'Join(" ", [givenName], [surname])',
                                        "name": "Join",
                                        "parameters": [
                                            {
                                                "key": "separator",
                                                "value": {
                                                    "expression": '" "',
                                                    "name": " ",
                                                    "parameters": [],
                                                    "type": "Constant",
                                                },
                                            },
                                            {
                                                "key": "source",
                                                "value": {
                                                    "expression": "[givenName]",
                                                    "name": "givenName",
                                                    "parameters": [],
                                                    "type": "Attribute",
                                                },
                                            },
                                            {
                                                "key": "source",
                                                "value": {
                                                    "expression": "[surname]",
                                                    "name": "surname",
                                                    "parameters": [],
                                                    "type": "Attribute",
                                                },
                                            },
                                        ],
                                        "type": "Function",
                                    },
                                    "targetAttributeName": "displayName",
                                },
                                {
                                    "defaultValue": "",
                                    "exportMissingReferences": False,
                                    "flowBehavior": "FlowAlways",
                                    "flowType": "ObjectAddOnly",
                                    "matchingPriority": 0,
                                    "source": {
                                        "expression": "[objectId]",
                                        "name": "objectId",
                                        "parameters": [],
                                        "type": "Attribute",
                                    },
                                    "targetAttributeName": "externalId",
                                },
                            ],
                            "enabled": True,
                            "flowTypes": "Add",
                            "metadata": [{"key": "Disposition", "value": "Normal"}],
                            "name": "Provision Microsoft Entra ID users",
                            "scope": {
                                "categoryFilterGroups": [],
                                "groups": [
                                    {
                                        "clauses": [
                                            {
                                                "operatorName": "EQUALS",
                                                "sourceOperandName": "employeeType",
                                                "targetOperand": {
                                                    "values": ["Employee", "Contractor"]
                                                },
                                            },
                                            {
                                                "operatorName": "IS TRUE",
                                                "sourceOperandName": "accountEnabled",
                                                "targetOperand": {"values": []},
                                            },
                                        ],
                                        "name": "Enabled staff accounts",
                                    }
                                ],
                                "inputFilterGroups": [],
                            },
                            "sourceObjectName": "User",
                            "targetObjectName": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                        }
                    ],
                    "priority": 1,
                    "sourceDirectoryName": "Azure Active Directory",
                    "targetDirectoryName": "customappsso",
                }
            ],
            "version": "date:2026-02-12T10:02:11Z~",
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="update_synchronization_schema",
        http_method="PUT",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema",
        kind="replace",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body="microsoft.graph.synchronizationSchema",
        body_model=SynchronizationSchema,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationSchema.json"
        },
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="delete_synchronization_schema",
        http_method="DELETE",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema",
        kind="delete",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="list_functions",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/functions",
        kind="function",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.attributeMappingFunctionSchema",
        returns_collection=True,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "value": [
                {
                    "name": "Append",
                    "parameters": [
                        {
                            "allowMultipleOccurrences": False,
                            "name": "source",
                            "required": True,
                            "type": "String",
                        },
                        {
                            "allowMultipleOccurrences": False,
                            "name": "suffix",
                            "required": True,
                            "type": "String",
                        },
                    ],
                },
                {
                    "name": "Join",
                    "parameters": [
                        {
                            "allowMultipleOccurrences": False,
                            "name": "separator",
                            "required": True,
                            "type": "String",
                        },
                        {
                            "allowMultipleOccurrences": True,
                            "name": "source",
                            "required": True,
                            "type": "String",
                        },
                    ],
                },
                {
                    "name": "CBool",
                    "parameters": [
                        {
                            "allowMultipleOccurrences": False,
                            "name": "expression",
                            "required": True,
                            "type": "String",
                        }
                    ],
                },
                {"name": "DefaultDomain", "parameters": []},
            ]
        },
        effects=(),
        key=None,
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="list_filter_operators",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/filterOperators",
        kind="function",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.filterOperatorSchema",
        returns_collection=True,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "value": [
                {
                    "arity": "Binary",
                    "multivaluedComparisonType": "All",
                    "name": "EQUALS",
                    "supportedAttributeTypes": ["String", "Integer"],
                },
                {
                    "arity": "Unary",
                    "multivaluedComparisonType": "All",
                    "name": "IS TRUE",
                    "supportedAttributeTypes": ["Boolean"],
                },
                {
                    "arity": "Unary",
                    "multivaluedComparisonType": "All",
                    "name": "IS NOT NULL",
                    "supportedAttributeTypes": [
                        "String",
                        "Integer",
                        "Binary",
                        "Boolean",
                    ],
                },
                {
                    "arity": "Binary",
                    "multivaluedComparisonType": "Any",
                    "name": "REGEX MATCH",
                    "supportedAttributeTypes": ["String"],
                },
            ]
        },
        effects=(),
        key=None,
        lists_all=False,
    ),
    Operation(
        handler="synchronization_schema",
        method_name="parse_expression",
        http_method="POST",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/parseExpression",
        kind="action",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("jobId", "job_id"),
        ),
        status=200,
        returns="microsoft.graph.parseExpressionResponse",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(
            Parameter("expression", "expression", None, False),
            Parameter(
                "testInputObject", "test_input_object", ExpressionInputObject, False
            ),
            Parameter(
                "targetAttributeDefinition",
                "target_attribute_definition",
                AttributeDefinition,
                False,
            ),
        ),
        body_schema={
            "type": "object",
            "properties": {
                "expression": {"type": ["string", "null"]},
                "testInputObject": {
                    "anyOf": [
                        {
                            "$ref": "https://graphdoc.example/schemas/microsoft.graph.expressionInputObject.json"
                        },
                        {"type": "null"},
                    ]
                },
                "targetAttributeDefinition": {
                    "anyOf": [
                        {
                            "$ref": "https://graphdoc.example/schemas/microsoft.graph.attributeDefinition.json"
                        },
                        {"type": "null"},
                    ]
                },
            },
        },
        example={
            "evaluationResult": ["Adele Vance"],
            "evaluationSucceeded": True,
            "parsedExpression": {
                "expression": 'Join(" ", [givenName], [surname])',
                "name": "Join",
                "parameters": [
                    {
                        "key": "separator",
                        "value": {
                            "expression": '" "',
                            "name": " ",
                            "parameters": [],
                            "type": "Constant",
                        },
                    },
                    {
                        "key": "source",
                        "value": {
                            "expression": "[givenName]",
                            "name": "givenName",
                            "parameters": [],
                            "type": "Attribute",
                        },
                    },
                    {
                        "key": "source",
                        "value": {
                            "expression": "[surname]",
                            "name": "surname",
                            "parameters": [],
                            "type": "Attribute",
                        },
                    },
                ],
                "type": "Function",
            },
            "parsingSucceeded": True,
        },
        effects=(),
        key=None,
        lists_all=False,
    ),
    Operation(
        handler="synchronization_template",
        method_name="get_synchronization_template",
        http_method="GET",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/templates/{templateId}",
        kind="get",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("templateId", "template_id"),
        ),
        status=200,
        returns="microsoft.graph.synchronizationTemplate",
        returns_collection=False,
        body=None,
        body_model=None,
        parameters=(),
        body_schema=None,
        example={
            "id": "scim",
            "applicationId": "0b8e4f27-63d1-4a9c-b5e2-91f7d3c6a480",
            "default": True,
            "description": "Provisions users and groups to an application that exposes a SCIM 2.0 endpoint.",
            "discoverable": True,
            "factoryTag": "CustomSCIM",
            "metadata": [
                {"key": "galleryApplicationIdentifier", "value": "contoso-scim"}
            ],
        },
        effects=(),
        key="id",
        lists_all=False,
    ),
    Operation(
        handler="synchronization_template",
        method_name="update_synchronization_template",
        http_method="PATCH",
        path="/servicePrincipals/{servicePrincipalId}/synchronization/templates/{templateId}",
        kind="update",
        path_params=(
            ("servicePrincipalId", "service_principal_id"),
            ("templateId", "template_id"),
        ),
        status=204,
        returns=None,
        returns_collection=False,
        body="microsoft.graph.synchronizationTemplate",
        body_model=SynchronizationTemplate,
        parameters=(),
        body_schema={
            "$ref": "https://graphdoc.example/schemas/microsoft.graph.synchronizationTemplate.json"
        },
        example=None,
        effects=(),
        key="id",
        lists_all=False,
    ),
]
