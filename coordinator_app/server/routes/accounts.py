"""Accounts: log in (a device token), who am I, the staff directory."""

from fastapi import APIRouter, Request

from coordinator_app.protocol import models as m
from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.server import accounts, login_throttle
from coordinator_app.server.errors import ApiError
from coordinator_app.server.routes.deps import CurrentDevice, ServerDep, staff_entries

router = APIRouter()


@router.post("/login", response_model=m.LoginResponse, tags=["sync"])
def login(body: m.LoginRequest, request: Request, server: ServerDep) -> m.LoginResponse:
    """One hop in the shared thread pool: the reservation, Argon2 (outside any transaction, at
    most as many at once as cores: ``security``), the device's registration."""
    address = request.client.host if request.client else "unknown"
    try:
        user, device_id, token = accounts.login(
            server.engine, server.settings, body.username, body.password, body.device_name, address
        )
    except login_throttle.Throttled as throttled:
        raise ApiError(
            429,
            ErrorCode.THROTTLED,
            f"Trop de tentatives de connexion : réessayez dans {throttled.retry_after} s.",
            headers={"Retry-After": str(throttled.retry_after)},
            retry_after=throttled.retry_after,
        ) from None
    except accounts.BadCredentials:
        raise ApiError(
            401, ErrorCode.BAD_CREDENTIALS, "Nom d'utilisateur ou mot de passe incorrect."
        ) from None
    except accounts.TooManyDevices as cap:
        raise ApiError(
            403,
            ErrorCode.TOO_MANY_DEVICES,
            f"Trop d'appareils connectés au compte « {cap.username} » (au plus {cap.limit}) : "
            "faites révoquer un ancien appareil par l'administrateur (coordinator-server "
            "list-devices, puis revoke-device), puis connectez-vous de nouveau.",
            limit=cap.limit,
        ) from None
    return m.LoginResponse(
        token=token,
        device_id=device_id,
        username=user.username,
        role=user.role,  # type: ignore[arg-type]
        regions=list(user.regions),
        server_generation=server.generation(),
        name=user.name,
        email=user.email,
        title=user.title,
    )


@router.get("/me", response_model=m.WhoAmI, tags=["sync"])
def me(device: CurrentDevice, server: ServerDep) -> m.WhoAmI:
    return m.WhoAmI(
        username=device.user.username,
        role=device.user.role,  # type: ignore[arg-type]
        regions=list(device.user.regions),
        device_id=device.id,
        server_generation=server.generation(),
        name=device.user.name,
        email=device.user.email,
        title=device.user.title,
    )


@router.get("/staff", response_model=m.StaffResponse, tags=["sync"])
def staff(device: CurrentDevice, server: ServerDep) -> m.StaffResponse:
    """The staff accounts sharing a region with the caller (« Visite faite par »); every
    pull carries the same list."""
    members = [m.StaffMember(**member) for member in staff_entries(server.engine, device.user)]
    return m.StaffResponse(staff=members, server_generation=server.generation())
